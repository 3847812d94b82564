declare namespace App {
  interface Locals {
    /** Source ids cited on the page being rendered, in note order; read by <Cite>. */
    citations?: string[];
  }
}
