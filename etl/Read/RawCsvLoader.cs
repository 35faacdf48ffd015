using DuckDB.NET.Data;
using Monitoring.Etl.Contract;

namespace Monitoring.Etl.Read;

/// <summary>
/// Loads one export CSV into the landing database as text, exactly as written: DuckDB's CSV reader
/// (chosen by measurement over CsvHelper, see README) with the contract's dialect given explicitly,
/// strict RFC 4180 parsing, and malformed records (wrong field count, unterminated quote, bad UTF-8)
/// set aside in a rejects table with their record number instead of failing the file.
/// Produces <c>csv_&lt;stem&gt;</c> (the rows in file order), <c>raw_&lt;stem&gt;</c> (a view adding
/// <c>_row</c> and NULL for absent optional columns) and <c>malformed_&lt;stem&gt;</c> (one row per rejected record).
/// </summary>
public static class RawCsvLoader
{
    public sealed record Result(long Parsed, long Malformed, IReadOnlyList<string> UnknownColumns, IReadOnlyList<string> PresentColumns);

    public static Result Load(DuckDBConnection conn, string path, FileSpec spec)
    {
        var header = CsvHeader.Read(path).ToList();
        var missing = spec.Columns.Where(c => c.Required && !header.Contains(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            // Names are matched exactly: say so when the column is there in other letters.
            var near = missing.Select(m => header.FindIndex(h => string.Equals(h, m, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
                ? $" (column {i + 1} is '{header[i]}': names are matched exactly, in lower case)" : "");
            throw new ExportRefusedException($"{spec.FileName}: line 1: required column{(missing.Count > 1 ? "s" : "")} " +
                string.Join(", ", missing.Zip(near, (m, hint) => m + hint)) + " missing from the header");
        }
        var unknown = header.Where(h => spec.Columns.All(c => c.Name != h)).ToList();

        var columns = string.Join(", ", header.Select(h => $"{Sql.Literal(h)}: 'VARCHAR'"));
        var stem = spec.Stem;
        Sql.Exec(conn, $$"""
            DROP TABLE IF EXISTS rejects_{{stem}}; DROP TABLE IF EXISTS rejects_scan_{{stem}};
            CREATE OR REPLACE TABLE csv_{{stem}} AS
            SELECT * FROM read_csv({{Sql.Literal(path)}}, columns = { {{columns}} }, header = true, auto_detect = false,
                delim = ';', quote = '"', escape = '"', strict_mode = true, encoding = 'utf-8',
                ignore_errors = true, store_rejects = true,
                rejects_table = 'rejects_{{stem}}', rejects_scan = 'rejects_scan_{{stem}}', max_line_size = 4000000);
            """,
            // DuckDB's CSV errors quote the offending line, which may hold personal data: keep only the first sentence.
            e => new ExportRefusedException($"{spec.FileName}: " + Sql.FirstLine(e)));

        var present = header.Where(h => spec.Columns.Any(c => c.Name == h)).ToList();
        var select = string.Join(", ", spec.Columns.Select(c => header.Contains(c.Name) ? $"\"{c.Name}\"" : $"NULL::VARCHAR AS \"{c.Name}\""));
        // rowid of a table filled by one CREATE TABLE AS follows file order (insertion order is preserved).
        Sql.Exec(conn, $"CREATE OR REPLACE VIEW raw_{stem} AS SELECT rowid AS _row, {select} FROM csv_{stem}");
        var parsed = Sql.Scalar<long>(conn, $"SELECT count(*) FROM csv_{stem}");
        // DuckDB stores one reject per missing column of a short record: keep one row per record.
        Sql.Exec(conn, $"""
            CREATE OR REPLACE TEMP TABLE malformed_{stem} AS
            SELECT * FROM rejects_{stem} QUALIFY row_number() OVER (PARTITION BY line ORDER BY column_idx) = 1
            """);
        var malformed = Sql.Scalar<long>(conn, $"SELECT count(*) FROM malformed_{stem}");
        return new Result(parsed, malformed, unknown, present);
    }
}
