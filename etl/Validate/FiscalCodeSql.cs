namespace Monitoring.Etl.Validate;

/// <summary>
/// The Italian fiscal-code check as DuckDB macros, so 2 million codes are checked inside the
/// engine in one vectorized pass instead of row by row in .NET. Mirrors
/// <see cref="Monitoring.Etl.Contract.FiscalCode"/>, which the tests hold it to.
/// </summary>
public static class FiscalCodeSql
{
    // Pattern: 6 letters, 2 digits, month letter, 2 digits, place letter + 3 digits, check letter;
    // digits may be replaced by the omocodia letters L..V when codes collide.
    const string Pattern = "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]";

    public const string CreateMacros = $"""
        CREATE OR REPLACE MACRO cf_index(ch) AS
            CASE WHEN ch BETWEEN '0' AND '9' THEN ascii(ch) - 48 ELSE ascii(ch) - 65 END;
        CREATE OR REPLACE MACRO cf_odd_value(ch) AS
            [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23][cf_index(ch) + 1];
        CREATE OR REPLACE MACRO cf_valid(v) AS
            regexp_full_match(v, '{Pattern}')
            AND chr(CAST(65 + list_sum(list_transform(range(15),
                    i -> CASE WHEN i % 2 = 0 THEN cf_odd_value(v[i + 1]) ELSE cf_index(v[i + 1]) END)) % 26 AS INTEGER)) = v[16];
        """;
}
