/// <reference types="svelte" />
/// <reference types="vite/client" />

/** The events file (data/events.geojson, or DATELINE_EVENTS), as a URL Vite emits next to the app. */
declare module '$events?url' {
  const url: string;
  export default url;
}
