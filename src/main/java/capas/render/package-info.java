/** What a person sees: HTML tables, SVG layer diagrams, plain-text fallbacks. */
package capas.render;
