namespace Monitoring.Tests.Etl; public class Smoke { [Fact] public void Builds() => Assert.True(true); }
