namespace Monitoring.Tests.Warehouse; public class Smoke { [Fact] public void Builds() => Assert.True(true); }
