using Monitoring.Etl.Contract;
using Monitoring.Tools.Generate;
using Monitoring.Etl.Validate;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>The SQL check (macro cf_valid) that validates fiscal codes inside DuckDB agrees with Contract.FiscalCode.IsValid.</summary>
public class FiscalCodeSqlTests
{
    /// <summary>Every code of a generated export, and mutations of each: check letter, every position, case, length.</summary>
    static List<string> Codes(string exportDir)
    {
        using var db = Duck.Memory();
        var generated = db.Column($"SELECT fiscal_code FROM {Duck.ReadCsv(Path.Combine(exportDir, "persons.csv"))} UNION SELECT fiscal_code FROM {Duck.ReadCsv(Path.Combine(exportDir, "operators.csv"))}");
        var codes = new List<string>(generated);
        var rng = new Random(11);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789a-";
        foreach (var cf in generated.Take(800))
        {
            codes.Add(cf[..15] + (char)('A' + (cf[15] - 'A' + 1 + rng.Next(25)) % 26)); // wrong check letter
            var chars = cf.ToCharArray();
            chars[rng.Next(16)] = alphabet[rng.Next(alphabet.Length)];
            codes.Add(new string(chars));                                           // one character changed anywhere
            codes.Add(cf.ToLowerInvariant());
            codes.Add(cf[..15]);
            codes.Add(cf + "X");
            codes.Add(" " + cf[1..]);
            if (char.IsAsciiDigit(cf[14]))
            {
                var omocodic = cf[..14] + FiscalCode.OmocodiaLetters[cf[14] - '0']; // omocodia on the last digit, re-checked
                codes.Add(omocodic + FiscalCode.CheckCharacter(omocodic));
            }
        }
        codes.AddRange(["", "RSSMRA85T10A562S", "RSSMRA85T10A56NH", "RSSMRA85T32A562S", "RSSMRA85X10A562S", "RSSMRA8JT10A562S"]);
        return codes;
    }

    [Fact]
    public void The_sql_macro_and_the_dotnet_check_agree_on_generated_and_mutated_codes()
    {
        using var tmp = new TempDir();
        var export = ExportGenerator.Generate(new GeneratorOptions { Preset = GeneratorPreset.Tiny, Seed = 5, OutputDirectory = tmp["export"] }).ExportDirectory;
        var codes = Codes(export);
        using var db = Duck.Memory();
        db.Exec(FiscalCodeSql.CreateMacros);
        db.Exec("CREATE TABLE codes (i INTEGER, cf VARCHAR)");
        foreach (var chunk in codes.Select((c, i) => $"({i}, {Duck.Lit(c)})").Chunk(1000))
            db.Exec($"INSERT INTO codes VALUES {string.Join(", ", chunk)}");

        var sql = db.Rows("SELECT i, coalesce(cf_valid(cf), false) FROM codes ORDER BY i").Select(r => bool.Parse(r[1]!)).ToList();

        var disagreements = codes.Select((c, i) => (c, dotnet: FiscalCode.IsValid(c), sql: sql[i])).Where(x => x.dotnet != x.sql).ToList();
        Assert.Empty(disagreements.Take(10).Select(d => $"{d.c}: .NET {d.dotnet}, SQL {d.sql}"));
        // Both outcomes are well represented, so agreement is not trivial.
        Assert.True(sql.Count(v => v) > 5000, $"{sql.Count(v => v)} valid");
        Assert.True(sql.Count(v => !v) > 4000, $"{sql.Count(v => !v)} invalid");
    }
}
