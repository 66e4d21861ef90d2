/// <reference types="vite/client" />
// Lets the popup import its stylesheet (`import './popup.css'`) the way Vite bundles it.
