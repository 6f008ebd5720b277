import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlTable, markdownTable } from '../lib/tables.ts';
import type { Table } from '../lib/types.ts';

interface Row {
  name: string;
  ns: number | undefined;
  faster: boolean;
}

const table: Table<Row> = {
  title: 'Times <per> call | all',
  sortable: true,
  rows: [
    { name: '<img src=x> | *bold*', ns: 1500, faster: true },
    { name: 'plain', ns: undefined, faster: false },
    { name: 'not finite', ns: Number.NaN, faster: false },
  ],
  columns: [
    { header: 'variant', text: (row) => row.name },
    {
      header: 'median <ns>',
      numeric: true,
      unit: 'ns',
      text: (row) => (row.ns === undefined ? '-' : `${row.ns} ns`),
      sort: (row) => row.ns,
      strong: (row) => row.faster,
    },
  ],
};

describe('markdownTable()', () => {
  const lines = markdownTable(table);

  it('writes the title in bold, then the header, right-aligned numeric columns and one line per row', () => {
    assert.deepEqual(lines.slice(0, 4), [
      '**Times \\<per\\> call \\| all**',
      '',
      '| variant | median \\<ns\\> |',
      '|---|---:|',
    ]);
    assert.equal(lines.length, 7);
  });

  it('escapes every cell, so text from suites cannot break the table or add markup, and stresses where asked', () => {
    assert.equal(lines[4], '| \\<img src=x\\> \\| \\*bold\\* | **1500 ns** |');
    assert.equal(lines[5], '| plain | - |');
  });

  it('writes no title line for an untitled table', () => {
    const { title: _title, ...untitled } = table;
    assert.equal(markdownTable(untitled)[0], '| variant | median \\<ns\\> |');
  });
});

describe('htmlTable()', () => {
  const html = htmlTable(table);

  it('has the title as caption, sort buttons, and numeric headers that say their unit', () => {
    assert.match(html, /^<table class="sortable"><caption>Times &#60;per&#62; call \| all<\/caption>/);
    assert.match(html, /<th scope="col"><button type="button">variant<\/button><\/th>/);
    assert.match(
      html,
      /<th scope="col" data-type="number" class="num" title="sorted by value \(ns\)"><button type="button">median &#60;ns&#62;<\/button><\/th>/,
    );
  });

  it('escapes cells and puts the raw value in data-sort, only where it is a finite number', () => {
    assert.match(
      html,
      /<tr><td>&#60;img src=x&#62; \| \*bold\*<\/td><td class="num" data-sort="1500"><strong>1500 ns<\/strong><\/td><\/tr>/,
    );
    assert.match(html, /<tr><td>plain<\/td><td class="num">-<\/td><\/tr>/);
    assert.match(html, /<tr><td>not finite<\/td><td class="num">NaN ns<\/td><\/tr>/);
    assert.ok(!html.includes('<img'));
  });

  it('has no buttons and no sortable class when the table is not sortable', () => {
    const plain = htmlTable({ ...table, sortable: false });
    assert.match(plain, /^<table><caption>/);
    assert.ok(!plain.includes('<button'));
  });
});
