/**
 * The stage's two materials (docs/art-direction.md), both cheap in software
 * WebGL (no lights to loop over, a handful of instructions a pixel):
 *
 * - membrane: a soft translucent surface. Bright and more opaque towards the
 *   rim (the way a thin shell of lipid looks in a micrograph-inspired
 *   illustration), fading to nothing at the very silhouette, so an outline has
 *   no hard, stair-stepped edge to alias, whatever the drawing-buffer size.
 * - molecule: a lit sphere drawn as a camera-facing quad (an impostor) with a
 *   one-pixel smooth rim from screen-space derivatives: round and antialiased
 *   at any size for the cost of one quad, and one instanced draw per kind.
 */
import { Color, DoubleSide, FrontSide, ShaderMaterial } from 'three';

/** View-space key light, upper left front (the same direction for every material). */
const KEY_LIGHT = 'normalize(vec3(-0.45, 0.7, 0.55))';

export interface MembraneOptions {
  color: string;
  /** Colour added at the rim (the "backlit" edge). */
  rimColor?: string;
  /** Overall opacity 0..1. */
  opacity?: number;
  /** Fraction of the opacity kept at the face-on centre (0..1): lower is more see-through. */
  centreOpacity?: number;
  /** Fade out towards uv.y = 0 (a sphere cap's rim, for the PSD). */
  capFade?: boolean;
  /** Draw the inside too (a shell seen from within). */
  doubleSided?: boolean;
}

export function membraneMaterial(o: MembraneOptions): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: {
      uColor: { value: new Color(o.color) },
      uRim: { value: new Color(o.rimColor ?? '#cfe0ff') },
      uOpacity: { value: o.opacity ?? 1 },
      uCentre: { value: o.centreOpacity ?? 0.4 },
    },
    defines: o.capFade ? { CAP_FADE: 1 } : {},
    vertexShader: /* glsl */ `
      varying vec3 vNormal;
      varying vec3 vView;
      varying vec2 vUv;
      void main() {
        vec4 mv = modelViewMatrix * vec4(position, 1.0);
        vNormal = normalize(normalMatrix * normal);
        vView = -mv.xyz;
        vUv = uv;
        gl_Position = projectionMatrix * mv;
      }`,
    fragmentShader: /* glsl */ `
      uniform vec3 uColor;
      uniform vec3 uRim;
      uniform float uOpacity;
      uniform float uCentre;
      varying vec3 vNormal;
      varying vec3 vView;
      varying vec2 vUv;
      void main() {
        vec3 n = normalize(vNormal);
        float ndv = abs(dot(n, normalize(vView)));
        float rim = 1.0 - ndv;
        float key = max(dot(n, ${KEY_LIGHT}), 0.0);
        vec3 col = uColor * (0.5 + 0.6 * key) + uRim * (0.55 * rim * rim);
        float a = uOpacity * mix(uCentre, 1.0, rim * rim) * smoothstep(0.0, 0.22, ndv);
        #ifdef CAP_FADE
          a *= smoothstep(0.0, 0.45, vUv.y);
        #endif
        gl_FragColor = vec4(col, a);
        #include <colorspace_fragment>
      }`,
    transparent: true,
    depthWrite: false,
    side: o.doubleSided ? DoubleSide : FrontSide,
  });
}

/** Sets a membrane material's colour and opacity (per frame: uniforms only, no recompile). */
export function setMembrane(m: ShaderMaterial, color: string, opacity: number): void {
  (m.uniforms.uColor!.value as Color).set(color);
  m.uniforms.uOpacity!.value = opacity;
}

/**
 * Sphere impostors for an InstancedMesh of PlaneGeometry(2, 2): the instance
 * matrix's translation is the centre; its x scale the radius, its y scale how
 * much the colour glows instead of being lit (0..1; ions and lit subunits
 * glow), its z scale the opacity; colour from instanceColor.
 */
export function moleculeMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader: /* glsl */ `
      varying vec2 vQuad;
      varying vec3 vColour;
      varying float vGlow;
      varying float vOpacity;
      void main() {
        #ifdef USE_INSTANCING
          mat4 im = instanceMatrix;
        #else
          mat4 im = mat4(1.0);
        #endif
        float radius = im[0].x;
        vGlow = im[1].y;
        vOpacity = im[2].z;
        vec4 centre = modelViewMatrix * vec4(im[3].xyz, 1.0);
        // The quad is 1.25 radii wide so the soft rim has room; pulled towards
        // the camera by the radius so it is depth-tested like the sphere's front.
        vQuad = position.xy * 1.25;
        vec4 mv = centre + vec4(vQuad * radius, radius, 0.0);
        #ifdef USE_INSTANCING_COLOR
          vColour = instanceColor;
        #else
          vColour = vec3(1.0);
        #endif
        gl_Position = projectionMatrix * mv;
      }`,
    fragmentShader: /* glsl */ `
      varying vec2 vQuad;
      varying vec3 vColour;
      varying float vGlow;
      varying float vOpacity;
      void main() {
        float r = length(vQuad);
        // Exact coverage of a straight edge across a pixel: a one-pixel linear ramp.
        float cover = clamp((1.0 - r) / max(fwidth(r), 1e-4) + 0.5, 0.0, 1.0);
        if (cover <= 0.0) discard;
        vec3 n = vec3(vQuad, sqrt(max(0.0, 1.0 - r * r)));
        float key = max(dot(n, ${KEY_LIGHT}), 0.0);
        float spec = pow(max(dot(reflect(-${KEY_LIGHT}, n), vec3(0.0, 0.0, 1.0)), 0.0), 10.0);
        vec3 lit = vColour * (0.35 + 0.8 * key) + vec3(0.22 * spec);
        vec3 col = mix(lit, vColour * 1.15, vGlow);
        gl_FragColor = vec4(col, cover * vOpacity);
        #include <colorspace_fragment>
      }`,
    transparent: true,
    depthWrite: true,
  });
}
