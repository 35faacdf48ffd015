namespace Monitoring.Etl.OpenData;

/// <summary>A released table: its name (file stem), titles, columns and primary key.</summary>
/// <param name="Spreadsheet">whether an .xlsx copy goes beside the CSV: not for a table that can outgrow a worksheet
/// (1,048,576 rows; the members of every dimension, month after month, reach it), which is read by programs.</param>
public sealed record ResourceSpec(string Name, string TitleIt, string TitleEn, IReadOnlyList<FieldSpec> Fields, IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<string>? MissingValues = null, string? Source = null, bool Spreadsheet = true)
{
    /// <summary>The file formats the release writes of this table, with their media types (CSV first).</summary>
    public IEnumerable<(string Format, string MediaType)> Formats =>
        new[] { ("csv", "text/csv"), ("parquet", "application/vnd.apache.parquet") }
            .Concat(Spreadsheet ? [("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")] : []);
}
