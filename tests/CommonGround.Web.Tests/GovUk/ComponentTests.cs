using AngleSharp.Html.Parser;
using CommonGround.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Tests.GovUk;

/// <summary>The GOV.UK components that carry logic of their own, rendered directly.</summary>
public sealed class ComponentTests
{
    private static async Task<AngleSharp.Dom.IDocument> RenderAsync(TagHelper helper, string tagName, string childContent = "")
    {
        var context = new TagHelperContext(tagName, [], new Dictionary<object, object>(), Guid.NewGuid().ToString("N"));
        var output = new TagHelperOutput(tagName, [], (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            content.SetHtmlContent(childContent);
            return Task.FromResult<TagHelperContent>(content);
        });
        await helper.ProcessAsync(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return new HtmlParser().ParseDocument(writer.ToString());
    }

    [Theory]
    [InlineData(1, 1, "")]
    [InlineData(1, 3, "1 2 3")]
    [InlineData(1, 9, "1 2 … 9")]
    [InlineData(5, 9, "1 … 4 5 6 … 9")]
    [InlineData(9, 9, "1 … 8 9")]
    [InlineData(3, 9, "1 2 3 4 … 9")]
    public async Task Pagination_shows_the_ends_the_current_page_and_its_neighbours(int current, int total, string expected)
    {
        var page = await RenderAsync(new PaginationTagHelper { CurrentPage = current, TotalPages = total, HrefFormat = "?page={0}" }, "govuk-pagination");
        var items = page.QuerySelectorAll(".govuk-pagination__item").Select(li => li.TextContent.Trim().Replace("⋯", "…", StringComparison.Ordinal));
        Assert.Equal(expected, string.Join(' ', items));
        if (total > 1)
        {
            Assert.Equal($"?page={current}", page.QuerySelector("[aria-current=page]")!.GetAttribute("href"));
            Assert.Equal(current > 1, page.QuerySelector(".govuk-pagination__prev") is not null);
            Assert.Equal(current < total, page.QuerySelector(".govuk-pagination__next") is not null);
        }
    }

    [Fact]
    public async Task A_button_with_an_address_is_a_link_that_looks_like_a_button()
    {
        var page = await RenderAsync(new ButtonTagHelper { Href = "/sign-in" }, "govuk-button", "Sign in");
        var link = page.QuerySelector("a.govuk-button")!;
        Assert.Equal("button", link.GetAttribute("role"));
        Assert.Equal("/sign-in", link.GetAttribute("href"));

        var submit = await RenderAsync(new ButtonTagHelper { Variant = "warning" }, "govuk-button", "Deactivate");
        Assert.Equal("submit", submit.QuerySelector("button.govuk-button.govuk-button--warning")!.GetAttribute("type"));
    }

    [Fact]
    public async Task Text_given_to_components_is_encoded()
    {
        var page = await RenderAsync(new DetailsTagHelper { Summary = "<script>alert(1)</script>" }, "govuk-details", "Help");
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector(".govuk-details__summary-text")!.TextContent);
    }

    [Fact]
    public async Task Warning_text_names_itself_to_screen_readers()
    {
        var page = await RenderAsync(new WarningTextTagHelper(), "govuk-warning-text", "Save these codes");
        Assert.Equal("Warning", page.QuerySelector(".govuk-warning-text__text .govuk-visually-hidden")!.TextContent);
        Assert.Equal("true", page.QuerySelector(".govuk-warning-text__icon")!.GetAttribute("aria-hidden"));
    }
}
