using System.Reflection;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;

namespace CommonGround.Web.Tests.Security;

/// <summary>
/// Every page about one child says what it needs, so the one access filter can check it before any handler runs; a new
/// page that says nothing fails here (and is refused by the filter if it ever ran).
/// </summary>
public sealed class ChildPageDeclarationTests
{
    private sealed record CompiledPage(string Path, string Route, Type Model);

    private static IReadOnlyList<CompiledPage> ChildPages() => typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
        .Where(item => item.Kind == "mvc.1.0.razor-page")
        .Select(item => new CompiledPage(item.Identifier,
            item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().SingleOrDefault(m => m.Key == "RouteTemplate")?.Value ?? "",
            item.Type.GetProperty("Model")!.PropertyType))
        .Where(page => page.Route.Contains("{childId", StringComparison.Ordinal))
        .ToList();

    /// <summary>The page's handlers, including those a page inherits from a base of its own (not the framework's page model).</summary>
    private static IEnumerable<MethodInfo> Handlers(Type model) => model.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => m.DeclaringType!.Assembly != typeof(PageModel).Assembly && m.DeclaringType != typeof(object))
        .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal) && !m.IsSpecialName);

    [Fact]
    public void The_pages_about_a_child_are_found()
    {
        var pages = ChildPages();
        Assert.True(pages.Count > 60, $"Found only {pages.Count} pages about a child");
        Assert.Contains(pages, p => p.Route == "/children/{childId:guid}/concerns");
    }

    [Fact]
    public void Every_page_about_a_child_sits_where_the_access_filter_is_attached()
    {
        var outside = ChildPages().Where(p => !p.Path.StartsWith("/Pages/Children/", StringComparison.Ordinal)).Select(p => p.Path);
        Assert.Empty(outside);
    }

    [Fact]
    public void Every_handler_of_a_page_about_a_child_declares_what_it_needs()
    {
        var undeclared = ChildPages()
            .Where(p => p.Model.GetCustomAttribute<ChildPageAttribute>() is null && p.Model.GetCustomAttribute<ForPeopleWithoutAccessAttribute>() is null)
            .SelectMany(p => Handlers(p.Model).Where(h => h.GetCustomAttribute<ChildPageAttribute>() is null).Select(h => $"{p.Path} {h.Name}"))
            .ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public void A_page_that_declares_nothing_is_reported()
    {
        Assert.Contains(nameof(Undeclared.OnPostAsync), Handlers(typeof(Undeclared)).Where(h => h.GetCustomAttribute<ChildPageAttribute>() is null).Select(h => h.Name));
        Assert.DoesNotContain(nameof(Undeclared.OnGet), Handlers(typeof(Undeclared)).Where(h => h.GetCustomAttribute<ChildPageAttribute>() is null).Select(h => h.Name));
    }

    private sealed class Undeclared
    {
        [ChildPage(Core.Access.Capability.ViewRecord)]
        public void OnGet()
        {
        }

        public Task OnPostAsync() => Task.CompletedTask;
    }
}
