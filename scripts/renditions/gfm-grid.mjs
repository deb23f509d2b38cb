/**
 * The table model of a GFM table in a rendition: GFM has no merged cells, so a plan's Markdown
 * writes a merged cell as the filled cell and empty ones beside or below it. Merges are rebuilt by
 * general rules, not per plan:
 * - a header row with an empty cell spans the filled cell to its left across it, and makes the next
 *   row a second header row, whose empty cells continue the header cell above (two-row headers);
 * - a body row with only its first cell filled is one cell across the table (a category row);
 * - an empty body cell under a filled one, in a column that groups rows (序号, 工作任务, 牵头单位,
 *   配合单位, 责任单位, 完成时限, an indicator, … as test/extra/DECISIONS.md lists them), continues
 *   the cell above (a vertical merge); other empty cells stay empty.
 */

/** Header texts of columns whose empty cells continue the cell above (DECISIONS.md, flattened tables). */
const GROUPING_COLUMN = /^(序[号號]|工作任[务務]|重[点點]任[务務]|任[务務]|牵[头頭]单位|牽頭單位|配合单位|配合單位|[责責]任[单單]位|[责責]任部[门門]|完成[时時]限|完成[时時][间間]|整改[时時]限|指[标標]|指[标標]名[称稱]|[评評]估指[标標]|[评評]估[内內]容|[学學]段|[学學]校[类類]型)$/;
/**
 * Rebuilds a GFM table's merged cells. Each cell becomes {text, span, merge} where span is the
 * number of grid columns it covers (0 for a position covered by the cell to its left) and merge is
 * 'restart', 'continue' or undefined.
 */
export function buildGrid(rows) {
  const width = Math.max(...rows.map((row) => row.length));
  const grid = rows.map((row) => Array.from({ length: width }, (_, c) => ({ text: row[c] ?? '', span: 1, merge: undefined })));
  const empty = (cell) => cell.text.replace(/\*\*/g, '').trim() === '';
  const headerRows = grid.length > 2 && grid[0].some((cell, c) => c > 0 && empty(cell)) ? 2 : 1;

  // Header: an empty cell extends the span of the filled cell to its left.
  for (const cell of grid[0].keys()) {
    if (cell === 0 || !empty(grid[0][cell])) continue;
    let owner = cell - 1;
    while (grid[0][owner].span === 0) owner--;
    grid[0][owner].span += 1;
    grid[0][cell].span = 0;
  }
  // A second header row continues the first row's single-column cells where it is empty.
  if (headerRows === 2) {
    grid[1].forEach((cell, c) => {
      if (empty(cell) && grid[0][c].span === 1 && !empty(grid[0][c])) {
        cell.merge = 'continue';
        grid[0][c].merge = 'restart';
      }
    });
  }
  // Category rows: only the first cell filled.
  const categoryRows = new Set();
  for (let r = headerRows; r < grid.length; r++) {
    const row = grid[r];
    if (width > 1 && !empty(row[0]) && row.slice(1).every(empty)) {
      row[0].span = width;
      for (let c = 1; c < width; c++) row[c].span = 0;
      categoryRows.add(r);
    }
  }
  // Grouping columns: an empty cell under a filled or continued cell continues it.
  const headerText = grid[0].map((cell) => cell.text.replace(/\*\*/g, '').replace(/（[^）]*）/g, '').trim());
  headerText.forEach((text, c) => {
    if (!GROUPING_COLUMN.test(text)) return;
    for (let r = headerRows + 1; r < grid.length; r++) {
      if (categoryRows.has(r) || categoryRows.has(r - 1)) continue;
      const above = grid[r - 1][c];
      const cell = grid[r][c];
      if (!empty(cell) || (empty(above) && above.merge !== 'continue')) continue;
      cell.merge = 'continue';
      if (above.merge === undefined) above.merge = 'restart';
    }
  });
  return { grid, headerRows, width };
}
