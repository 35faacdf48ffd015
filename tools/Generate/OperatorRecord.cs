namespace Monitoring.Tools.Generate;

/// <summary>One row of operators.csv.</summary>
internal sealed record OperatorRecord(
    string OperatorId, string FiscalCode, string FirstName, string LastName, string Email,
    string Role, string AtsCode, DateOnly ActiveFrom, DateOnly? ActiveTo, int? WeeklyHours);
