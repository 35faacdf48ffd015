namespace Monitoring.Etl.Contract;

/// <summary>One file of the export: its columns, key, references and cross-column rules.</summary>
public sealed record FileSpec(
    string FileName,
    string[] Key,
    ColumnSpec[] Columns,
    Reference[] References,
    RowRule[] Rules,
    string? MonthPartitionColumn = null)
{
    /// <summary>Table stem used in SQL: households.csv → households.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(FileName);

    public ColumnSpec Column(string name) => Columns.First(c => c.Name == name);
}
