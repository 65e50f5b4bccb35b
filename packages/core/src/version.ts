/** The version of the plugin contract this copy of @sifa/core implements (kept equal to package.json by a test). */
export const coreVersion = '0.1.0';
