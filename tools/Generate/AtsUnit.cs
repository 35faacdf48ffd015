namespace Monitoring.Tools.Generate;

/// <summary>One generated ATS (GePI tenant) and the parameters the generator gave it.</summary>
internal sealed class AtsUnit
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string RegionCode { get; init; }
    public required string ProvinceCode { get; init; }

    /// <summary>Position in the national order; also the index of its random streams.</summary>
    public int Index { get; set; }

    /// <summary>Municipalities at the start of the period (consecutive ISTAT codes of one province).</summary>
    public List<Municipality> Members { get; } = [];

    /// <summary>Dated membership rows of this ATS (ambito_comuni.csv).</summary>
    public List<Membership> Memberships { get; } = [];

    public AtsProfile Profile { get; set; } = AtsProfile.Normal;
    public bool HasStaffingGap { get; set; }

    public double TakeUpWeight { get; set; }
    public int Households { get; set; }
    public int CaseManagerSlots { get; set; }

    /// <summary>Multiplies every lag of the case workflow (slow ATS ≫ 1).</summary>
    public double LagFactor { get; set; } = 1.0;

    public long Population => Members.Sum(m => (long)m.Population);
}
