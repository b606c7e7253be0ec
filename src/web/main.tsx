import { sendFirstRequests } from './app/first-requests';
import './styles.css';

// The entry is kept tiny: it asks for the user and the backlog's first page at
// once, and those requests run while the app's code downloads and starts.
const first = sendFirstRequests(window.location);

void import('./app/start').then(({ startApp }) => startApp(first));
