/** Vite's ambient types: CSS and asset imports. */
/// <reference types="vite/client" />
