// Runs the standards' own validators on one written release folder and prints one JSON report on stdout:
//   node validate-release.mjs <folder holding datapackage.json and/or dcat.jsonld> <shapes dir> [other .jsonld file]
// - Frictionless: datapackage-js 1.1.10 loads the descriptor in strict mode (profile errors refuse it), and every
//   tabular resource is read with tableschema-js 1.12.6, casting every cell against its Table Schema.
// - SHACL: jsonld.js 9 turns dcat.jsonld into RDF; rdf-validate-shacl 0.6.5 checks it against the EU DCAT-AP
//   2.1.1 and 3.0.1 shapes (mandatory, range, recommended, deprecated URIs) and AgID's DCAT-AP_IT mandatory
//   dataset rule, with the DCAT-AP_IT ontology's subclass axioms added to the data (see shapes/SOURCE.md).
// Exit code 0 whatever the verdict (the test reads the report); 2 on a usage error.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import datapackage from 'datapackage';
import jsonld from 'jsonld';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';

const [folder, shapesDir, jsonldFile] = process.argv.slice(2);
if (!folder || !shapesDir) { console.error('usage: validate-release.mjs RELEASE_DIR SHAPES_DIR'); process.exit(2); }

const report = { frictionless: null, shacl: null };

// ---- Frictionless -------------------------------------------------------------------------------------------
if (fs.existsSync(path.join(folder, 'datapackage.json'))) try {
  report.frictionless = { valid: false, errors: [], rows: {} };
  // strict: the descriptor must satisfy its profiles (a refusal throws), and a resource is tabular only when its
  // profile says so — the Parquet and .xlsx copies are plain data resources (v1 allows only CSV as tabular data).
  const pkg = await datapackage.Package.load(path.join(folder, 'datapackage.json'), { strict: true });
  report.frictionless.errors.push(...pkg.errors.map(e => `package: ${e.message}`));
  for (const resource of pkg.resources) {
    report.frictionless.errors.push(...resource.errors.map(e => `${resource.name}: ${e.message}`));
    if (!resource.tabular) continue;
    try {
      // forceCast collects every cell that does not cast instead of stopping at the first.
      const rows = await resource.read({ cast: true, forceCast: true, relations: false });
      let n = 0;
      for (const row of rows) {
        n++;
        if (row instanceof Error) {
          const cells = (row.errors || []).map(e => `${e.columnNumber ?? ''}: ${e.message}`).join('; ');
          report.frictionless.errors.push(`${resource.name} row ${row.rowNumber ?? n + 1}: ${row.message} ${cells}`.trim());
        }
      }
      report.frictionless.rows[resource.name] = n;
      // header must match the schema's field names in order
      const headers = resource.headers;
      const names = resource.schema.fieldNames;
      if (JSON.stringify(headers) !== JSON.stringify(names))
        report.frictionless.errors.push(`${resource.name}: header ${JSON.stringify(headers)} differs from the schema's fields ${JSON.stringify(names)}`);
    } catch (e) {
      report.frictionless.errors.push(`${resource.name}: ${e.message}` + (e.errors ? ' ' + e.errors.map(x => x.message).join('; ') : ''));
    }
  }
  report.frictionless.valid = pkg.valid && report.frictionless.errors.length === 0;
} catch (e) {
  report.frictionless.errors.push(`package: ${e.message}` + (e.errors ? ' ' + e.errors.map(x => x.message).join('; ') : ''));
}

// ---- SHACL --------------------------------------------------------------------------------------------------
const dcatFile = jsonldFile ?? path.join(folder, 'dcat.jsonld');
if (fs.existsSync(dcatFile)) {
  const parse = async (file, mediaType) => {
    const ds = rdf.dataset();
    const stream = rdf.formats.parsers.import(mediaType, fs.createReadStream(file), { baseIRI: 'file://' + file });
    for await (const q of stream) ds.add(q);
    return ds;
  };
  const ns = {
    sh: rdf.namespace('http://www.w3.org/ns/shacl#'),
    rdfs: rdf.namespace('http://www.w3.org/2000/01/rdf-schema#'),
    rdf: rdf.namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#'),
    owl: rdf.namespace('http://www.w3.org/2002/07/owl#'),
  };

  // data: the JSON-LD as RDF (no remote context: the document carries its own), plus the ontology's subclass axioms
  const doc = JSON.parse(fs.readFileSync(dcatFile, 'utf8'));
  const nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', safe: true });
  const data = rdf.dataset();
  for await (const q of rdf.formats.parsers.import('application/n-quads', Readable.from([nquads]))) data.add(q);
  const dataTriples = data.size;
  const ontology = await parse(path.join(shapesDir, 'agid/DCAT-AP_IT.ttl'), 'text/turtle');
  for (const q of ontology.match(null, ns.rdfs.subClassOf, null))
    if (q.subject.termType === 'NamedNode' && q.object.termType === 'NamedNode') data.add(rdf.quad(q.subject, q.predicate, q.object));

  // AgID's rule: its SPARQL target becomes sh:targetClass dcatapit:Dataset (rdf-validate-shacl runs no SPARQL
  // targets); ndc:keyConcept is required only for AgID's own vocabularies in the national catalogue (NDC).
  const agid = await parse(path.join(shapesDir, 'agid/VocabolariControllati-rules.shacl'), 'text/turtle');
  const vocabularyShape = rdf.namedNode('https://localhost.example/VocabularyShape');
  for (const q of [...agid.match(vocabularyShape, ns.sh.target, null)]) agid.delete(q);
  agid.add(rdf.quad(vocabularyShape, ns.sh.targetClass, rdf.namedNode('http://dati.gov.it/onto/dcatapit#Dataset')));
  for (const q of [...agid.match(vocabularyShape, ns.sh.property, null)]) {
    const p = [...agid.match(q.object, ns.sh.path, null)][0];
    if (p && p.object.value === 'https://w3id.org/italia/onto/NDC/keyConcept') agid.delete(q);
  }

  const shapeSets = {
    'dcat-ap-2.1.1': ['dcat-ap_2.1.1_shacl_shapes.ttl', 'dcat-ap_2.1.1_shacl_range.ttl', 'dcat-ap_2.1.1_shacl_shapes_recommended.ttl', 'dcat-ap_2.1.1_shacl_deprecateduris.ttl'],
    'dcat-ap-3.0.1': ['shapes.ttl', 'range.ttl', 'shapes_recommended.ttl', 'deprecateduris.ttl'],
  };
  report.shacl = { dataTriples, sets: {} };
  const run = async (name, shapes) => {
    // owl:imports of the shapes name the EU vocabularies' own shapes, not copied (see SOURCE.md): not followed.
    for (const q of [...shapes.match(null, ns.owl.imports, null)]) shapes.delete(q);
    const validator = new SHACLValidator(shapes, { factory: rdf });
    const result = await validator.validate(data);
    const bySeverity = {};
    const results = result.results.map(r => {
      const severity = r.severity?.value.split('#')[1] ?? 'Violation';
      bySeverity[severity] = (bySeverity[severity] ?? 0) + 1;
      return {
        severity,
        focus: r.focusNode?.value,
        path: r.path?.value,
        value: r.value?.value,
        message: r.message.map(m => m.value).join(' '),
        shape: r.sourceShape?.value,
        constraint: r.sourceConstraintComponent?.value.split('#')[1],
      };
    });
    report.shacl.sets[name] = { conforms: result.conforms, bySeverity, results };
  };
  for (const [name, files] of Object.entries(shapeSets)) {
    const shapes = rdf.dataset();
    for (const f of files) for (const q of await parse(path.join(shapesDir, name, f), 'text/turtle')) shapes.add(q);
    await run(name, shapes);
  }
  await run('agid-dcat-ap_it-mandatory', agid);
}

process.stdout.write(JSON.stringify(report, null, 2) + '\n');
