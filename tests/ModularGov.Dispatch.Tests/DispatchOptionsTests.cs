using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ModularGov.Dispatch.Tests;

/// <summary>The Dispatch section as the module registers it for the host.</summary>
public sealed class DispatchOptionsTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
        var services = new ServiceCollection();
        new DispatchModule().AddServices(services, configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Deliberation_working_days_given_in_configuration_replace_the_default_ones()
    {
        using var services = Services(("Dispatch:DeliberationWorkingDays:0", "2"), ("Dispatch:DeliberationWorkingDays:1", "4"), ("Dispatch:DeliberationWorkingDays:2", "6"));
        services.GetRequiredService<DispatchOptions>().DeliberationWorkingDays.ShouldBe([2, 4, 6]);
    }

    [Fact]
    public void A_bad_value_is_refused_naming_its_key()
    {
        using var services = Services(("Dispatch:OrdinaryWorkingDays", "0"), ("Dispatch:DeliberationWorkingDays:0", "0"));
        var refused = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<DispatchOptions>());
        refused.Failures.ShouldBe([
            "Dispatch:OrdinaryWorkingDays must be between 1 and 60 (was 0)",
            "Dispatch:DeliberationWorkingDays must give 1 to 3 levels (the last one serves the levels after it) of 1 to 60 working days each (was [0])",
        ]);
    }

    [Fact]
    public void The_defaults_hold()
    {
        new DispatchOptions().Problems().ShouldBeEmpty();
    }
}
