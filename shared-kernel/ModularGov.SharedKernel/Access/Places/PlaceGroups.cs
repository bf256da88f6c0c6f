using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ModularGov.SharedKernel.Http;

namespace ModularGov.SharedKernel.Access.Places;

/// <summary>Marks an endpoint as mapped in a group over <see cref="PlaceType"/>.</summary>
public sealed record PlaceGroupMetadata(Type PlaceType);

/// <summary>Opens an endpoint to a role that <see cref="Roles.IsConfined"/> (which reaches no endpoint without this mark for it).</summary>
public sealed record OpenToRole(Role Role);

/// <summary>
/// Route groups whose access is declared, not written in handlers. Every endpoint of a place group names its
/// <see cref="AccessRule{TPlace}"/>; before the handler runs, the group's filter finds the place (403 for a caller whose
/// scope cannot reach it, then 404) and refuses a caller the rule does not allow.
/// </summary>
public static class PlaceGroups
{
    /// <summary>
    /// Closes every endpoint of <paramref name="api"/> that is not in a place group with exactly one rule: forgetting a
    /// rule shuts an endpoint to everyone instead of opening it (and the architecture test names it).
    /// </summary>
    public static RouteGroupBuilder RequireDeclaredAccess(this RouteGroupBuilder api)
    {
        // A filter factory runs once all conventions have run (the group's, its subgroups' and the endpoint's own),
        // so the endpoint's metadata is complete when it is read here.
        ((IEndpointConventionBuilder)api).Add(endpoint => endpoint.FilterFactories.Add((_, next) =>
            Undeclared(endpoint.Metadata) is { } why
                ? _ => ValueTask.FromResult<object?>(ApiProblems.Forbidden($"endpoint {endpoint.DisplayName} is closed: {why}"))
                : next));
        return api;
    }

    /// <summary>Why an endpoint's access is not declared, or null when it is.</summary>
    public static string? Undeclared(IEnumerable<object> metadata)
    {
        var group = metadata.OfType<PlaceGroupMetadata>().LastOrDefault();
        var rules = metadata.OfType<IAccessRule>().ToList();
        if (group is null)
            return "it is not mapped in a place group (MapPlaceGroup)";
        if (rules.Count != 1)
            return $"it declares {rules.Count} access rules instead of one (Allow)";
        return rules[0].PlaceType == group.PlaceType ? null : $"its rule '{rules[0].Says}' is over {rules[0].PlaceType.Name}, its group over {group.PlaceType.Name}";
    }

    public static RouteGroupBuilder MapPlaceGroup<TPlace>(this IEndpointRouteBuilder routes, string prefix) where TPlace : class, IPlace<TPlace>
    {
        var group = routes.MapGroup(prefix);
        group.WithMetadata(new PlaceGroupMetadata(typeof(TPlace)));
        ((IEndpointConventionBuilder)group).Add(endpoint => endpoint.FilterFactories.Add((_, next) =>
        {
            if (endpoint.Metadata.OfType<IAccessRule>().SingleOrDefault() is not AccessRule<TPlace> rule)
                return next; // closed by RequireDeclaredAccess, which runs first
            return async context =>
            {
                var caller = context.HttpContext.Caller();
                if (caller.Role.IsConfined() && !endpoint.Metadata.OfType<OpenToRole>().Any(open => open.Role == caller.Role))
                    return ApiProblems.Forbidden($"{caller.Role.Name()} 只能使用本角色的功能 (a {caller.Role.Name()} reaches only its own endpoints; 三员分立)");
                var lookup = await PlaceLookups.FindOnceAsync<TPlace>(context.HttpContext);
                if (lookup.Refusal is { } refused)
                    return refused;
                if (!rule.Allows(caller, lookup.Place!))
                    return ApiProblems.Forbidden($"只限{rule.Says}; your token is {caller.Role.Name()} for {caller.Scope}");
                return await next(context);
            };
        }));
        return group;
    }

    /// <summary>Declares who may call this endpoint.</summary>
    public static RouteHandlerBuilder Allow<TPlace>(this RouteHandlerBuilder endpoint, AccessRule<TPlace> rule) where TPlace : class, IPlace<TPlace> =>
        endpoint.WithMetadata(rule);
}
