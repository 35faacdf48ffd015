namespace Monitoring.Tools.Generate;

/// <summary>Every operator of the export, and the case-manager posts of each ATS (by ATS index).</summary>
internal sealed class StaffingPlan
{
    public List<OperatorRecord> Operators { get; } = [];
    public List<CaseManagerSlot>[] SlotsByAts { get; init; } = [];
}
