using System.Net;
using Autofac;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using ModularGov.Access;
using ModularGov.Host.Tests.Http;
using ModularGov.Host.Tests.Infrastructure;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Access.Places;
using ModularGov.SharedKernel.Modules;

namespace ModularGov.Host.Tests.Hosting;

/// <summary>The host registers each module's services in its container and maps its endpoints behind access control.</summary>
public class ModuleLoadingTests
{
    private sealed record Motto(string Text);

    /// <summary>A module as a real one is shaped: services from configuration, endpoints under /api.</summary>
    private sealed class MottoModule : IModule
    {
        public string Name => "Motto";

        public void Register(ContainerBuilder builder, IConfiguration configuration) =>
            builder.RegisterInstance(new Motto(configuration["Motto:Text"] ?? "none"));

        public void MapEndpoints(IEndpointRouteBuilder api)
        {
            var motto = api.MapPlaceGroup<DistrictPlace>("/motto");
            motto.MapGet("", (HttpContext http, Motto motto) => new { motto.Text, caller = http.Caller().Scope.ToString() }).Allow(DistrictAccessRules.AnyToken);
            // Forgotten rules: one endpoint outside any place group, one in a group without its Allow.
            api.MapGet("/motto-open", () => "open");
            motto.MapGet("/unruled", () => "open");
        }
    }

    [Fact]
    public async Task A_module_registers_services_from_configuration_and_maps_endpoints_under_api()
    {
        await using var district = await InProcessDistrict.StartAsync(
            new Dictionary<string, string> { ["Motto:Text"] = "清单之外无事项" },
            modules: [new AccessModule(), new MottoModule()]);

        var motto = await (await district.Client().GetAsync("/api/motto")).JsonAsync();
        motto.GetProperty("text").GetString().ShouldBe("清单之外无事项");
        motto.GetProperty("caller").GetString().ShouldBe("district");
        await (await district.Client(token: null).GetAsync("/api/motto")).ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task A_module_endpoint_that_declares_no_access_rule_is_closed_to_everyone()
    {
        await using var district = await InProcessDistrict.StartAsync(modules: [new AccessModule(), new MottoModule()]);
        foreach (var path in new[] { "/api/motto-open", "/api/motto/unruled" })
        {
            var problem = await (await district.Client().GetAsync(path)).ShouldBeProblemAsync(403);
            problem.GetProperty("detail").GetString()!.ShouldContain("is closed");
        }
    }

    [Fact]
    public async Task Without_a_module_its_endpoints_do_not_exist()
    {
        await using var district = await InProcessDistrict.StartAsync(modules: [new AccessModule()]);
        (await district.Client().GetAsync("/api/motto")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void The_shipped_host_carries_the_access_module()
    {
        ModularGov.Host.Hosting.ModuleCatalog.Shipped().Select(m => m.Name).ShouldContain("Access");
    }
}
