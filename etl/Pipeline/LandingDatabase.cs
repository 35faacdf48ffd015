using DuckDB.NET.Data;
using Monitoring.Etl.Validate;
using Monitoring.Warehouse.StarSchema;
using Monitoring.DataDir;

namespace Monitoring.Etl.Pipeline;

/// <summary>
/// The in-memory DuckDB where raw rows (personal data in clear) are read, checked and pseudonymized.
/// It spills to the run's landing folder only under memory pressure, and the folder is deleted with the run.
/// </summary>
public static class LandingDatabase
{
    public static DuckDBConnection Open(string landingDir)
    {
        var conn = new DuckDBConnection("Data Source=:memory:");
        conn.Open();
        DuckDbMemory.Apply(conn, DataDirectory.SpillDir(landingDir));
        Sql.Exec(conn, "SET preserve_insertion_order = true");
        Sql.Exec(conn, FiscalCodeSql.CreateMacros);
        return conn;
    }

    /// <summary>The ISTAT municipality list shipped with the product (Fonte: ISTAT — CC BY 3.0 IT).</summary>
    public static void LoadReference(DuckDBConnection conn)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "reference", "istat-municipalities-2020.csv");
        Sql.Exec(conn, $"""
            CREATE OR REPLACE TABLE ref_municipalities AS
            SELECT municipality_code, municipality_name, province_code, province_name, province_abbr,
                   region_code, region_name, cadastral_code, CAST(population_2011 AS INTEGER) AS population_2011
            FROM read_csv({Sql.Literal(path)}, delim = ';', header = true, all_varchar = true);
            """);
        FileValidator.LoadIstatKnown(conn);
    }
}
