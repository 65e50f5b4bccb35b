// Plugins and static folders of the demo server started by `npm start` (see README).
// A host installation writes its own config module in the same shape.
export default {
  plugins: [],
  staticRoots: [{ prefix: '/', dir: new URL('./examples/gov-portal/', import.meta.url).pathname }],
};
