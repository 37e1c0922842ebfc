/** The compact browser gazetteer, emitted by the build as a static asset (src/cli/browser-gazetteer-asset.ts). */
declare module '$gazetteer?url' {
  const url: string;
  export default url;
}
