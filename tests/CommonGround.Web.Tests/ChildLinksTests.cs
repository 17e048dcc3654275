using System.Reflection;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Profiles;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace CommonGround.Web.Tests;

/// <summary>Every address <see cref="ChildLinks"/> builds is the address of a page that exists.</summary>
public sealed class ChildLinksTests
{
    private static readonly IReadOnlyList<RouteTemplate> PageRoutes = typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
        .Where(item => item.Kind == "mvc.1.0.razor-page")
        .Select(item => item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().SingleOrDefault(m => m.Key == "RouteTemplate")?.Value)
        .OfType<string>()
        .Select(route => TemplateParser.Parse(route.TrimStart('/')))
        .ToList();

    private static bool IsPage(string link)
    {
        var path = link.Split('#', '?')[0];
        return PageRoutes.Any(route =>
        {
            var values = new RouteValueDictionary();
            return new TemplateMatcher(route, new RouteValueDictionary()).TryMatch(new PathString(path), values)
                && route.Parameters.Where(p => p.InlineConstraints.Any(c => c.Constraint == "guid"))
                    .All(p => (p.IsOptional && values[p.Name!] is null) || Guid.TryParse(values[p.Name!]?.ToString(), out _));
        });
    }

    private static readonly Guid AnId = Guid.Parse("0196a3c4-6f1e-7b2a-9c3d-5e8f1a2b3c4d");

    private static object Example(Type type) =>
        type == typeof(Guid) ? AnId
        : type == typeof(ProfileSectionKind) ? Enum.GetValues<ProfileSectionKind>()[0]
        : type == typeof(CommonGround.Core.Plans.PlanLineKind) ? CommonGround.Core.Plans.PlanLineKind.Provision
        : type == typeof(string) ? "late-plan"
        : type == typeof(RecordArea) ? RecordArea.Health
        : type == typeof(CommonGround.Core.DataRights.CorrectableKind) ? CommonGround.Core.DataRights.CorrectableKind.DeliveryNote
        : throw new InvalidOperationException($"No example for {type.Name}");

    public static TheoryData<string> Links()
    {
        var data = new TheoryData<string>();
        foreach (var method in typeof(ChildLinks).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)method.Invoke(null, method.GetParameters().Select(p => Example(p.ParameterType)).ToArray())!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Links))]
    public void Each_link_is_the_address_of_a_page(string link) => Assert.True(IsPage(link), $"No page answers {link}");

    [Fact]
    public void Every_part_of_the_record_has_a_page() =>
        Assert.All(Enum.GetValues<RecordArea>(), area => Assert.True(IsPage(ChildLinks.PartOfRecord(AnId, area)), $"No page for {area}"));

    [Fact]
    public void An_address_no_page_answers_is_told_apart() =>
        Assert.False(IsPage($"/children/{AnId}/nowhere/{AnId}"));
}
