// Pannellum 2.5.7's renderer alone (libpannellum: WebGL equirectangular/cube/multires), the peer of our renderer chunk.
import 'pannellum/src/js/libpannellum.js';
