namespace Monitoring.Tools.Generate;

/// <summary>ambiti.csv and ambito_comuni.csv from the generated partition.</summary>
internal static class TerritoryWriter
{
    public static ManifestFileEntry WriteAmbiti(string dir, Territory territory)
    {
        using var w = new CsvFileWriter(Path.Combine(dir, "ambiti.csv"), "ats_code", "ats_name", "region_code");
        foreach (var u in territory.Units)
        {
            w.Text(u.Code); w.Text(u.Name); w.Text(u.RegionCode);
            w.EndRow();
        }
        return w.Complete();
    }

    public static ManifestFileEntry WriteMemberships(string dir, Territory territory)
    {
        using var w = new CsvFileWriter(Path.Combine(dir, "ambito_comuni.csv"), "ats_code", "municipality_code", "valid_from", "valid_to");
        foreach (var row in territory.Units.SelectMany(u => u.Memberships).OrderBy(r => r.AtsCode, StringComparer.Ordinal)
                     .ThenBy(r => r.Municipality.Code, StringComparer.Ordinal).ThenBy(r => r.ValidFrom))
        {
            w.Text(row.AtsCode); w.Text(row.Municipality.Code); w.Date(row.ValidFrom); w.Date(row.ValidTo);
            w.EndRow();
        }
        return w.Complete();
    }

    public static ManifestFileEntry WriteOperators(string dir, StaffingPlan staffing)
    {
        using var w = new CsvFileWriter(Path.Combine(dir, "operators.csv"),
            "operator_id", "fiscal_code", "first_name", "last_name", "email", "role", "ats_code", "active_from", "active_to", "weekly_hours");
        foreach (var o in staffing.Operators)
        {
            w.Text(o.OperatorId); w.Text(o.FiscalCode); w.Text(o.FirstName); w.Text(o.LastName); w.Text(o.Email);
            w.Text(o.Role); w.Text(o.AtsCode); w.Date(o.ActiveFrom); w.Date(o.ActiveTo); w.OptionalInt(o.WeeklyHours);
            w.EndRow();
        }
        return w.Complete();
    }
}
