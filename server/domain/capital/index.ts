export { returnRepaidPrincipal, type RepaidPrincipal } from './reservations.js';
