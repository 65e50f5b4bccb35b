// Photo Sphere Viewer 5.15.1 (+ three 0.187.0): the viewer a page creates (`new Viewer({ container, panorama })`).
export { Viewer } from '@photo-sphere-viewer/core';
