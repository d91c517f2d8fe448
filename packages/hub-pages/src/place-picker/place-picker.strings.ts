import type { Lang } from '@welfare-elements/core';

export const placePickerStrings = {
  it: {
    mapLabel: 'Mappa: fate clic sul punto del luogo, o trascinate il segnaposto. Con la tastiera: frecce per spostare la mappa, Invio per mettere il punto al centro',
    marker: 'Segnaposto del luogo: spostatelo con le frecce',
    lat: 'Latitudine',
    lon: 'Longitudine',
    coordsHelp: 'Potete scrivere la virgola o il punto per i decimali, ad esempio 45,3138.',
    notNumber: 'Scrivete un numero, ad esempio 45,3138.',
    useCentre: (comune: string) => `Metti il punto al centro di ${comune}`,
    remove: 'Togli il punto',
    loading: 'Caricamento della mappa…',
    mapFailed: 'La mappa non si è caricata: potete scrivere le coordinate.',
    moved: (lat: string, lon: string) => `Punto spostato: ${lat}, ${lon}`,
  },
  en: {
    mapLabel: 'Map: click the point of the place, or drag the pin. With the keyboard: arrows move the map, Enter puts the point at its centre',
    marker: 'Pin of the place: move it with the arrow keys',
    lat: 'Latitude',
    lon: 'Longitude',
    coordsHelp: 'You may use a comma or a point for decimals, for example 45.3138.',
    notNumber: 'Write a number, for example 45.3138.',
    useCentre: (comune: string) => `Put the point at the centre of ${comune}`,
    remove: 'Remove the point',
    loading: 'Loading the map…',
    mapFailed: 'The map did not load: you can type the coordinates.',
    moved: (lat: string, lon: string) => `Point moved: ${lat}, ${lon}`,
  },
} satisfies Record<Lang, unknown>;
