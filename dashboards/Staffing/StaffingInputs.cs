namespace Monitoring.Dashboards.Staffing;

/// <summary>What the staffing planner starts from, for one territory and month.</summary>
public sealed record StaffingInputs(double Population, double CaseManagers, double Households, double OpenCases, double NationalResidentsPerCaseManager);
