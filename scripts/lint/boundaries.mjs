import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Syncscope's layer boundaries, checked on resolved paths (a local ESLint plugin, no dependency):
 * - `layer-imports`: every import, re-export, dynamic import, require() and import type of a file
 *   must resolve into a folder, or name a package, that its layer's allowlist names. A string
 *   pattern cannot be fooled by `../main/ipc` or an unlisted package: the path is resolved first.
 * - `sanctioned`: a dangerous module or member (child_process, ssh2, shell.openExternal, fs writes)
 *   may be used only in the files listed for it, through whatever binding reaches it.
 * eslint-plugin-boundaries / eslint-plugin-import would add a resolver and element types for what
 * fits in this one file; their import rules do not confine *members* (fs.writeFileSync) anyway.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** Repo-relative, '/'-separated path of an absolute file. */
const repoPath = (abs) => relative(ROOT, abs).split(sep).join('/');

/** 'fs' and 'node:fs' are one module; `@scope/pkg/deep` is package `@scope/pkg`. */
export function moduleName(spec) {
  const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
  if (BUILTINS.has(bare) || spec.startsWith('node:')) return `node:${bare}`;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** A path-like entry ending in '/' is a folder; otherwise a module, with or without its extension. */
function pathAllowed(rel, entries) {
  return entries.some((e) => (e.endsWith('/') ? rel.startsWith(e) : rel === e || rel === e.replace(/\.(ts|tsx|mjs|js)$/, '')));
}

function packageAllowed(name, patterns) {
  return patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

/** Calls `fn(node, spec)` for every module reference in a file: static, re-export, dynamic, require, type. */
function moduleReferences(fn) {
  const literal = (node, source) => fn(node, source && source.type === 'Literal' && typeof source.value === 'string' ? source.value : null);
  return {
    ImportDeclaration: (node) => literal(node, node.source),
    ExportNamedDeclaration: (node) => node.source && literal(node, node.source),
    ExportAllDeclaration: (node) => literal(node, node.source),
    ImportExpression: (node) => literal(node, node.source),
    TSImportType: (node) => literal(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
    TSExternalModuleReference: (node) => literal(node, node.expression),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) literal(node, node.arguments[0]);
    },
  };
}

const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: "Imports must resolve into the layer's allowed folders or name its allowed packages." },
    schema: [
      {
        type: 'object',
        properties: { layer: { type: 'string' }, folders: { type: 'array', items: { type: 'string' } }, packages: { type: 'array', items: { type: 'string' } } },
        required: ['layer', 'folders', 'packages'],
        additionalProperties: false,
      },
    ],
    messages: {
      folder: '{{layer}} may not import {{target}} (resolved from "{{spec}}"); it may import only from {{folders}}.',
      outside: '{{layer}} may not import "{{spec}}": it resolves outside the repository.',
      package: '{{layer}} may not import the package "{{name}}"; allowed: {{packages}}.',
      dynamic: '{{layer}}: a module name must be a string literal, so its layer can be checked.',
    },
  },
  create(context) {
    const { layer, folders, packages } = context.options[0];
    const from = dirname(context.filename);
    return moduleReferences((node, spec) => {
      if (spec === null) return context.report({ node, messageId: 'dynamic', data: { layer } });
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = repoPath(resolve(from, spec));
        if (target.startsWith('../')) return context.report({ node, messageId: 'outside', data: { layer, spec } });
        if (!pathAllowed(target, folders)) context.report({ node, messageId: 'folder', data: { layer, spec, target, folders: folders.join(', ') } });
        return;
      }
      const name = moduleName(spec);
      if (!packageAllowed(name, packages)) context.report({ node, messageId: 'package', data: { layer, name, packages: packages.join(', ') } });
    });
  },
};

/** The member path a binding stands for: a named import `{ shell }` of electron is ['shell']; a namespace is []. */
function importedPath(specifier) {
  if (specifier.type === 'ImportSpecifier') return [specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value];
  return [];
}

/** Follows `binding.a.b['c']` upwards from an identifier; returns the property names. */
function memberChain(identifier) {
  const chain = [];
  let node = identifier;
  while (node.parent?.type === 'MemberExpression' && node.parent.object === node) {
    const p = node.parent.property;
    if (!node.parent.computed && p.type === 'Identifier') chain.push(p.name);
    else if (p.type === 'Literal' && typeof p.value === 'string') chain.push(p.value);
    else break;
    node = node.parent;
  }
  return chain;
}

const startsWith = (path, prefix) => prefix.every((p, i) => path[i] === p);

const sanctioned = {
  meta: {
    type: 'problem',
    docs: { description: 'Dangerous modules and members only in the one module sanctioned for each.' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            module: { type: 'string' },
            members: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
            only: { type: 'array', items: { type: 'string' } },
            allowTypeOnly: { type: 'boolean' },
            message: { type: 'string' },
          },
          required: ['module', 'only', 'message'],
          additionalProperties: false,
        },
      },
    ],
    messages: { confined: '{{what}} is allowed only in {{only}}: {{message}}' },
  },
  create(context) {
    const file = repoPath(context.filename);
    const entries = context.options[0].filter((e) => !pathAllowed(file, e.only));
    if (entries.length === 0) return {};
    const report = (node, e, what) => context.report({ node, messageId: 'confined', data: { what, only: e.only.join(', '), message: e.message } });

    /** For a binding of `module` standing for member path `base`, report each use that reaches a confined member. */
    const checkBinding = (variable, e, base, declNode) => {
      if (!e.members) return report(declNode, e, `"${e.module}"`);
      const hit = e.members.find((m) => startsWith(base, m) || startsWith(m, base));
      if (!hit) return;
      if (startsWith(base, hit)) return report(declNode, e, `${e.module} ${hit.join('.')}`);
      for (const ref of variable?.references ?? []) {
        const path = [...base, ...memberChain(ref.identifier)];
        const m = e.members.find((mem) => startsWith(path, mem));
        if (m) report(ref.identifier, e, `${e.module} ${m.join('.')}`);
      }
    };

    // A package's deep paths are the package (ssh2/lib/… is ssh2); node:fs and node:fs/promises stay two modules.
    const forModule = (spec) => entries.filter((e) => moduleName(spec) === moduleName(e.module));
    return {
      ImportDeclaration(node) {
        if (typeof node.source.value !== 'string') return;
        for (const e of forModule(node.source.value)) {
          if (node.importKind === 'type' && e.allowTypeOnly) continue;
          if (node.specifiers.length === 0 && !e.members) report(node, e, `"${e.module}"`);
          for (const s of node.specifiers) {
            if (s.importKind === 'type' && e.allowTypeOnly) continue;
            checkBinding(context.sourceCode.getDeclaredVariables(s)[0], e, importedPath(s), s);
          }
        }
      },
      'ImportExpression, CallExpression[callee.name="require"], ExportAllDeclaration, ExportNamedDeclaration'(node) {
        const source = node.type === 'CallExpression' ? node.arguments[0] : node.source;
        if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
        // A dynamic import, require or re-export hands the whole module over: only the sanctioned file may.
        for (const e of forModule(source.value)) if (!(node.exportKind === 'type' && e.allowTypeOnly)) report(node, e, `"${e.module}"`);
      },
    };
  },
};

export default { meta: { name: 'syncscope' }, rules: { 'layer-imports': layerImports, sanctioned } };
