using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModularGov.SharedKernel.Settings;

namespace ModularGov.SharedKernel.Tests;

public sealed class CheckedOptionsTests
{
    public sealed class Sample : ICheckedOptions
    {
        public int Days { get; set; } = 7;
        public int[] Levels { get; set; } = [1, 2, 3];
        public List<string> Names { get; set; } = ["默认"];
        public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

        public IReadOnlyList<string> Problems() => new SettingChecks("Sample")
            .Between(nameof(Days), Days, 1, 60)
            .Between(nameof(Window), Window, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1))
            .Problems;
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Lists_given_in_configuration_replace_their_defaults_and_the_others_keep_them()
    {
        var levels = CheckedOptions.Bind<Sample>(Configuration(("Sample:Levels:0", "2"), ("Sample:Levels:1", "4"), ("Sample:Levels:2", "6")), "Sample");
        levels.Levels.ShouldBe([2, 4, 6]);
        levels.Names.ShouldBe(["默认"]);
        CheckedOptions.Bind<Sample>(Configuration(("Sample:Names:0", "南山路")), "Sample").Names.ShouldBe(["南山路"]);
        CheckedOptions.Bind<Sample>(Configuration(), "Sample").Levels.ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Every_bad_value_is_named_by_its_key_with_the_value_given()
    {
        var refused = Should.Throw<OptionsValidationException>(() =>
            CheckedOptions.Bind<Sample>(Configuration(("Sample:Days", "0"), ("Sample:Window", "00:00:05")), "Sample"));
        refused.Failures.ShouldBe([
            "Sample:Days must be between 1 and 60 (was 0)",
            "Sample:Window must be between 00:01:00 and 1.00:00:00 (was 00:00:05)",
        ]);
    }

    [Fact]
    public void A_value_that_is_not_of_its_keys_type_is_named_too()
    {
        var refused = Should.Throw<OptionsValidationException>(() => CheckedOptions.Bind<Sample>(Configuration(("Sample:Days", "seven")), "Sample"));
        refused.Message.ShouldContain("'Sample:Days'");
    }

    [Fact]
    public async Task Registered_options_refuse_the_start_of_the_host_and_serve_the_bound_value_otherwise()
    {
        var bad = Host.CreateApplicationBuilder();
        bad.Services.AddCheckedOptions<Sample>(Configuration(("Sample:Days", "61")), "Sample");
        using (var host = bad.Build())
            (await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync())).Failures.ShouldBe(["Sample:Days must be between 1 and 60 (was 61)"]);

        var good = Host.CreateApplicationBuilder();
        good.Services.AddCheckedOptions<Sample>(Configuration(("Sample:Levels:0", "5")), "Sample");
        using var started = good.Build();
        await started.StartAsync();
        started.Services.GetRequiredService<Sample>().Levels.ShouldBe([5]);
        await started.StopAsync();
    }
}
