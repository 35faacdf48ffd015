namespace Monitoring.Etl.Contract;

/// <summary>The value types of the CMIS export contract (section "CSV format").</summary>
public enum ColumnType
{
    Text,
    Code,
    Date,
    Month,
    Integer,
    Decimal,
    Boolean,
    FiscalCode,
}
