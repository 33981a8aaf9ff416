/**
 * @module
 * Entry point of the Imago web client: mounts the application in `#app`.
 */
import { render } from 'preact';
import { App } from './app/app';
import './styles/app.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
