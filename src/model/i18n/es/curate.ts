/** Las palabras del modo curaduría: un par de catálogos propio, cargado solo por su chunk. */
import type { CurateMessages } from "../en/curate.ts";
import { MAX_SOURCE_BYTES } from "../../curate/source-text.ts";
import { formatNumber as n, plural } from "../intl.ts";

const changes = (count: number) =>
  `${n("es", count)} ${plural("es", count, { one: "cambio", other: "cambios" })}`;
const errorCount = (count: number) =>
  `${n("es", count)} ${plural("es", count, { one: "error", other: "errores" })}`;
const MIB = MAX_SOURCE_BYTES / 1024 / 1024;
const tooLarge = (what: string) => (bytes: number) =>
  `${what} tiene ${bytes} bytes; un documento fuente puede tener como máximo ${MAX_SOURCE_BYTES} bytes (${MIB} MiB)`;

export const curate: CurateMessages = {
  panel: {
    heading: "Curaduría",
    intro:
      "Los cambios van a un borrador guardado en este navegador. Los datos del mapa no cambian para nadie más hasta que el borrador se exporte y se publique.",
    leave: "Salir del modo curaduría",
    loading: "Leyendo el conjunto de datos…",
    unshowable: (why: string) =>
      `El mapa muestra el último estado del borrador que pudo leer: ${why}`,
    validatorNote: "Los mensajes del validador están en inglés.",
  },
  draft: {
    looking: "Buscando un borrador guardado en este navegador…",
    none: "Todavía no hay cambios.",
    restored: (count: number) => `Borrador recuperado (${changes(count)})`,
    saved: (count: number) => `${changes(count)}, guardados en este navegador`,
    saveFailed: (why: string) => `No se pudo guardar el borrador en este navegador: ${why}`,
    discard: "Descartar el borrador",
    confirm: (count: number) => `¿Descartar ${changes(count)}? No se puede deshacer.`,
    yes: "Descartar",
    no: "Conservar el borrador",
  },
  addSource: {
    open: "Añadir una fuente",
    heading: "Añadir una fuente",
    cancel: "Cancelar",
    text: "Texto del documento",
    textHelp: `Péguelo, o abra un archivo .txt (UTF-8, como máximo ${MIB} MiB). Se guarda tal cual, salvo que los saltos de línea pasan a LF y se quita una marca de orden de bytes inicial.`,
    file: "Abrir un archivo .txt",
    fileRefused: (why: string) => `No se puede añadir este archivo: ${why}.`,
    textRefused: (why: string) => `No se puede añadir este texto: ${why}.`,
    bomRemoved: "Se quitó una marca de orden de bytes (BOM) al inicio.",
    crlfConverted:
      "Los saltos de línea de Windows (CRLF) o de Mac antiguo (CR) se convirtieron a LF.",
    add: "Añadir al borrador",
    fix: "Primero complete los campos marcados arriba.",
    added: (id: string) => `Se añadió ${id} al borrador; está abierto en el lector.`,
  },
  decodeFile: {
    tooLarge: tooLarge("el archivo"),
    binary: "el archivo contiene bytes NUL: es binario, no texto plano",
    notUtf8:
      "el archivo no es texto UTF-8; guárdelo como UTF-8 (por ejemplo, desde Windows-1252) e inténtelo de nuevo",
    empty: "el archivo no tiene texto",
  },
  decodeText: {
    tooLarge: tooLarge("el texto"),
    binary: "el texto contiene caracteres NUL: es binario, no texto plano",
    notUtf8: "el texto no es UTF-8",
    empty: "el texto está vacío",
  },
  sourceFields: {
    title: "Título",
    outlet: "Medio (déjelo vacío si el texto no nombra ninguno)",
    date: "Publicado",
    precision: "Precisión de la fecha",
    precisions: {
      day: "día",
      week: "semana (la fecha es su primer día)",
      month: "mes (la fecha es su primer día)",
      unknown: "desconocida",
    },
    basis: "Cómo se sabe la fecha",
    language: "Idioma (BCP 47, p. ej. es, en)",
    notes: "Notas",
    retells: "Retoma (linaje)",
    retellsNone: "nada: es un origen propio",
    retellsBasis: "Por qué retoma esa fuente",
  },
  sourceForm: {
    noTitle: "Indique el título del documento.",
    badDate: "Indique la fecha de publicación (AAAA-MM-DD), o elija la precisión «desconocida».",
    noBasis: "Diga cómo se sabe la fecha de publicación.",
    badLanguage: "Indique el idioma con una etiqueta BCP 47, como es o en.",
    noRetellsBasis: "Diga por qué este documento retoma el elegido.",
  },
  citeSelection: {
    heading: "Citar un pasaje",
    hint: "Seleccione palabras en el texto de la fuente y luego cítelas.",
    selected: (count: number) =>
      `${n("es", count)} ${plural("es", count, { one: "carácter seleccionado", other: "caracteres seleccionados" })} en la fuente.`,
    cite: "Citar este pasaje",
    cited: (title: string) => `Citado en «${title}».`,
    clean: "El validador no encuentra ningún problema con esta cita.",
    problems: "El validador dice:",
  },
  selection: {
    empty:
      "No hay nada seleccionado: seleccione en el texto de la fuente las palabras que quiere citar.",
    outside:
      "La selección sale del texto de la fuente: seleccione solo palabras dentro del documento.",
    acrossPassages:
      "La selección abarca dos párrafos: una cita reproduce un solo pasaje, así que cite cada uno por separado.",
    notUnique:
      "Estas palabras aparecen más de una vez y ningún contexto cercano (64 caracteres) distingue esta: seleccione más palabras.",
  },
  cite: {
    quote: "Cita",
    context: "Contexto que distingue esta aparición",
    before: "antes",
    after: "después",
    event: "Evidencia del evento",
    chooseEvent: "Elija un evento…",
    stance: "Postura",
    stances: {
      reports: "lo informa",
      claims: "transmite una afirmación",
      denies: "lo niega",
      forecasts: "lo pronostica",
    },
    supports: "Respalda",
    supportsWhat: {
      event: "el evento mismo",
      date: "solo su fecha",
      place: "solo su lugar",
    },
    speaker: "Quién habla (obligatorio para un desmentido)",
    speakerName: "Su nombre, como debe decirlo el mapa",
    speakerWords: "Palabras que lo nombran, textuales del párrafo",
    add: "Añadir la cita",
    cancel: "Cancelar",
    noEvent: "Elija el evento del que este pasaje es evidencia.",
    halfSpeaker:
      "Indique el nombre de quien habla y las palabras que lo nombran, o ninguno de los dos.",
  },
  events: {
    heading: "Eventos",
    hint: "Seleccione un evento en el mapa o en la lista para editarlo, o añada uno nuevo.",
  },
  newEvent: {
    open: "Nuevo evento",
    legend: "Nuevo evento",
    title: "Título",
    category: "Categoría",
    choose: "Elija una categoría…",
    start: "Fecha (inicio)",
    add: "Añadir evento",
    cancel: "Cancelar",
    missing: (fields: string[]) => `Falta: ${fields.join(", ")}.`,
  },
  event: {
    heading: (title: string) => `Editar evento: ${title}`,
    id: "Id (los enlaces lo usan; nunca cambia)",
    title: "Título",
    summary: "Resumen, con sus propias palabras",
    category: "Categoría",
    actors: "Actores, uno por línea",
    date: "Fecha",
    start: "Inicio",
    end: "Fin (inclusive, para periodos)",
    datePrecision: "Precisión de la fecha",
    dateBasis: "Base de la fecha: qué palabras citadas fijan la fecha, y cómo",
    status: "Estado",
    verdictOk: "El validador acepta este estado con estas citas.",
    verdictHeading: "El validador sobre el estado:",
    remove: "Eliminar evento",
    confirm: (title: string) => `¿Eliminar «${title}» del borrador?`,
    yes: "Eliminar",
    no: "Conservarlo",
    datePrecisions: {
      day: "Día",
      week: "Semana",
      month: "Mes",
      range: "Periodo (de inicio a fin)",
      before: "Antes de (solo un día en que ya había ocurrido)",
    },
  },
  citations: {
    legend: "Citas",
    none: "Todavía no hay citas: cada evento se apoya en un pasaje de su fuente.",
    remove: (exact: string) => `Quitar la cita «${exact.slice(0, 40)}»`,
    source: "Fuente",
    exact: "Palabras exactas, textuales de la fuente",
    stance: "Postura",
    supports: "Respalda",
    add: "Añadir cita",
  },
  place: {
    legend: "Lugar",
    name: "Nombre del lugar, como lo nombra el texto",
    precision: "Precisión del lugar",
    basis: "Base del lugar: qué palabras citadas nombran el lugar, y cómo se geocodificó",
    lat: "Latitud",
    lng: "Longitud",
    radius: "Radio (km) de incertidumbre",
    placeOnMap: "Ubicar en el mapa",
    placing:
      "Haga clic en el mapa para un punto, o presione y arrastre hacia afuera para un radio. Esc cancela.",
    cancel: "Cancelar la ubicación",
    drawLine: "Dibujar una línea",
    drawArea: "Dibujar un área",
    drawingLine:
      "Haga clic en el mapa para cada punto de la línea; doble clic en el último o Intro para terminar. Esc cancela.",
    drawingArea:
      "Haga clic en el mapa para cada vértice del área; doble clic en el último, clic en el primero o Intro para terminar. Esc cancela.",
    cancelDrawing: "Cancelar el dibujo",
    lineOf: (count: number) => `La geometría es una línea de ${n("es", count)} puntos.`,
    areaOf: (count: number) => `La geometría es un área de ${n("es", count)} vértices.`,
    vertices: "Puntos de una línea o vértices de un área: un «lng,lat» por renglón, lng primero",
    vertexKind: "Los puntos escritos forman",
    vertexKinds: { LineString: "una línea", Polygon: "un área" },
    badVertex: (line: number, text: string) =>
      `El renglón ${line} no es un par longitud,latitud: «${text}».`,
    tooFewLine: "Una línea necesita al menos 2 puntos distintos.",
    tooFewArea: "Un área necesita al menos 3 vértices distintos.",
    clear: "Quitar la geometría",
    notPoint: (type: string) =>
      `La geometría es un ${type}: ubicar un punto o escribir coordenadas la reemplaza.`,
    falsePin:
      "Un punto sin radio dice que el lugar se conoce con exactitud. Arrastre para un radio, escriba uno, o ponga la precisión en exacta si el texto da el sitio exacto.",
    precisions: {
      exact: "Exacta",
      approximate: "Aproximada",
      city: "Ciudad",
      region: "Región",
      country: "País",
    },
  },
  problems: {
    heading: (count: number) =>
      count === 0
        ? "Sin problemas"
        : `${n("es", count)} ${plural("es", count, { one: "problema", other: "problemas" })}`,
    none: "El validador no encuentra nada que corregir en el borrador.",
    counts: (errors: number, warnings: number) =>
      `${errorCount(errors)}, ${n("es", warnings)} ${plural("es", warnings, { one: "advertencia", other: "advertencias" })}`,
    error: "Error",
    warning: "Advertencia",
    hint: "Sugerencia:",
  },
  review: {
    open: "Revisar los cambios",
    close: "Ocultar la revisión",
    heading: "Cambios respecto de los datos cargados",
    none: "Todavía no hay cambios.",
    events: "Eventos",
    sources: "Fuentes",
    kinds: { added: "Añadidos", edited: "Editados", removed: "Eliminados" },
    restore: (title: string) => `Restaurar «${title}»`,
    export: "Exportar",
    valid: "El validador acepta este borrador.",
    invalid: (count: number) =>
      `El validador informa ${errorCount(count)}: la exportación sería rechazada.`,
    asDraft: (count: number) =>
      `Exportar como borrador con errores (${errorCount(count)}, listados en DRAFT-ERRORS.txt)`,
    zip: "Descargar como zip",
    folder: "Escribir en una carpeta…",
    zipped: (name: string) => `Se descargó ${name}.`,
    written: (count: number) => `Se escribieron ${n("es", count)} archivos en la carpeta.`,
    folderCancelled: "No se eligió ninguna carpeta: no se escribió nada y el borrador se conserva.",
    failed: (why: string) => `La exportación falló: ${why}`,
  },
  baseLoad: {
    notGeojson: (file: string) =>
      `La curaduría edita conjuntos de datos GeoJSON; ${file} no lo es.`,
    noSources: (file: string) => `${file} no tiene una lista "sources".`,
    unreadable: (why: string) => `No se pudieron leer los datos para la curaduría: ${why}`,
  },
};
