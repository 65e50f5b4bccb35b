// The peer of the bundle benchmark: one Shoelace button, bundled exactly like our widgets.
import '@shoelace-style/shoelace/dist/components/button/button.js';
