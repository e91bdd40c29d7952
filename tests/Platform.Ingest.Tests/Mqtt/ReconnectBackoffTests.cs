using Platform.Ingest.Mqtt;

namespace Platform.Ingest.Tests.Mqtt;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Maximum = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1, 50, 100)]
    [InlineData(2, 100, 200)]
    [InlineData(5, 800, 1_600)]
    [InlineData(8, 5_000, 10_000)]
    [InlineData(1_000, 5_000, 10_000)]
    public void Delay_doubles_per_attempt_up_to_the_maximum_and_keeps_half_of_it(int attempt, int lowestMs, int highestMs)
    {
        ReconnectBackoff.Delay(Initial, Maximum, attempt, 0).Should().Be(TimeSpan.FromMilliseconds(lowestMs));
        ReconnectBackoff.Delay(Initial, Maximum, attempt, 1).Should().Be(TimeSpan.FromMilliseconds(highestMs));
    }

    [Fact]
    public void Jitter_spreads_clients_that_lost_the_broker_together()
    {
        var random = new Random(1);
        var delays = Enumerable.Range(0, 100).Select(_ => ReconnectBackoff.Delay(Initial, Maximum, 4, random.NextDouble())).ToList();

        delays.Distinct().Should().HaveCountGreaterThan(90);
        delays.Should().OnlyContain(d => d >= TimeSpan.FromMilliseconds(400) && d <= TimeSpan.FromMilliseconds(800));
    }
}
