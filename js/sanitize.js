// The browser half of the one sanitizing renderer (src/render). The browser parses,
// DOMPurify cleans, and this file applies the policy that Rust passes in
// (src/render/policy.rs), so both halves keep exactly the same elements and attributes.
// DOMPurify (from node_modules, content-hashed by Trunk) is not loaded with the page: the
// build's post_build hook (scripts/post-build.mjs) turns its script tag into a
// <meta name="mcs-dompurify"> with its address and SRI hash, and loadSanitizer() adds the
// script when the first chunk that renders Markdown loads (the preview, the viewer).

let configured = null;
let loading = null;

export function loadSanitizer() {
  if (globalThis.DOMPurify) return Promise.resolve();
  loading ??= new Promise((resolve, reject) => {
    const meta = document.querySelector('meta[name="mcs-dompurify"]');
    if (!meta) {
      reject(new Error('the page does not say where DOMPurify is'));
      return;
    }
    const script = document.createElement('script');
    script.src = meta.content;
    if (meta.dataset.integrity) script.integrity = meta.dataset.integrity;
    script.onload = () => resolve();
    script.onerror = () => {
      // A failed load may be retried: forget it, and the script element with it.
      loading = null;
      script.remove();
      reject(new Error(`DOMPurify (${meta.content}) could not be loaded`));
    };
    document.head.append(script);
  });
  return loading;
}

function configure(policyJson) {
  const policy = JSON.parse(policyJson);
  const purify = globalThis.DOMPurify;
  if (!purify || !purify.isSupported) {
    throw new Error('DOMPurify is not available');
  }
  const perTag = policy.tagAttributes;
  const allAttributes = new Set(policy.genericAttributes);
  for (const names of Object.values(perTag)) names.forEach((name) => allAttributes.add(name));
  const schemes = policy.linkSchemes.join('|');

  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = node.nodeName.toLowerCase();
    const name = data.attrName;
    const allowed = policy.genericAttributes.includes(name) || (perTag[tag] || []).includes(name);
    if (!allowed) {
      data.keepAttr = false;
    } else if (name === 'href' && /^\s*data:/i.test(data.attrValue)) {
      data.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      node.setAttribute('rel', policy.linkRel);
    } else if (node.nodeName === 'IMG' && node.hasAttribute('src') &&
               !/^\s*data:image\//i.test(node.getAttribute('src'))) {
      node.setAttribute('src', policy.imagePlaceholder);
    }
  });

  return {
    purify,
    options: {
      ALLOWED_TAGS: policy.tags,
      ALLOWED_ATTR: [...allAttributes],
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      // Links: the allowed schemes, or a relative URL (no scheme before the first / ? #).
      ALLOWED_URI_REGEXP: new RegExp(`^(?:(?:${schemes}):|[^a-z]|[a-z+.\\-]+(?:[^a-z+.\\-:]|$))`, 'i'),
      ADD_DATA_URI_TAGS: ['img'],
      RETURN_TRUSTED_TYPE: false,
    },
  };
}

export function sanitize(html, policyJson) {
  configured ??= configure(policyJson);
  return configured.purify.sanitize(html, configured.options);
}
