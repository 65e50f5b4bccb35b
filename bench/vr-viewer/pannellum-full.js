// Pannellum 2.5.7 as a page uses it: the renderer (libpannellum) and the viewer UI (pannellum).
import 'pannellum/src/js/libpannellum.js';
import 'pannellum/src/js/pannellum.js';
