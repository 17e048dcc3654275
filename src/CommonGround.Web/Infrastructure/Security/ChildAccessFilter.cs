using System.Reflection;
using CommonGround.Core.Access;
using CommonGround.Web.Pages.Children;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>
/// What a page about one child needs: a capability, and the part of the record it shows or changes. On the page model
/// it covers every handler; on a handler it covers that handler alone. Without it, a child page is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ChildPageAttribute(Capability capability) : Attribute
{
    public ChildPageAttribute(Capability capability, RecordArea area) : this(capability) => Area = area;

    public Capability Capability { get; } = capability;

    /// <summary>The part of the record; none when the page works it out from its address and checks it itself.</summary>
    public RecordArea? Area { get; }
}

/// <summary>A page under a child's address that is for people who do not yet share the record (asking for access).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ForPeopleWithoutAccessAttribute : Attribute;

/// <summary>
/// A form about a child that may still be sent once the record is closed: downloading it, reopening it, correcting
/// words in it, or narrowing who sees it (what each person can see, a share link, an invitation not yet taken up). A
/// closed record takes no new work, but the family's say over who sees it never ends.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class WhileClosedAttribute : Attribute;

/// <summary>
/// Loads the signed-in person's access to the child in the address once, before the handler runs, and answers for the
/// page: 404 if they have no relationship to the child (as if it did not exist), 403 if they lack what the page declares
/// with <see cref="ChildPageAttribute"/>, 403 if the page declares nothing, and 403 for any form sent by someone reading under emergency access, and 423 for any form about a closed record unless the page or handler is <see cref="WhileClosedAttribute"/>. Attached to the children's folder by its
/// <c>Conventions</c>, so a new page there is behind it without asking.
/// </summary>
public sealed class ChildAccessFilter(AccessService accessService, CurrentUser currentUser, ILogger<ChildAccessFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var pageType = context.HandlerInstance.GetType();
        // A list of children, or adding one, is about no child in particular.
        if (!context.RouteData.Values.ContainsKey("childId") || pageType.GetCustomAttribute<ForPeopleWithoutAccessAttribute>() is not null)
        {
            await next();
            return;
        }

        var declared = context.HandlerMethod?.MethodInfo.GetCustomAttribute<ChildPageAttribute>() ?? pageType.GetCustomAttribute<ChildPageAttribute>();
        if (declared is null)
        {
            logger.LogError("{Page} shows a child's data but does not say what it needs, so it is refused", pageType.Name);
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        var access = Guid.TryParse(context.RouteData.Values["childId"]?.ToString(), out var childId) && currentUser.UserId is { } userId
            ? await accessService.GetAsync(childId, userId)
            : null;
        if (access is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        // Emergency access is for reading: whatever a page's handler would let a reader do, no form is theirs to send.
        var readsOnly = access.Relationship.Kind == RelationshipKind.EmergencyReader && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method);
        if (readsOnly || !(declared.Area is { } area ? access.Can(declared.Capability, area) : access.Can(declared.Capability)))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        // A closed record takes no new work, whoever sends the form.
        var sendsAForm = !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method);
        if (sendsAForm && access.Child.IsClosed
            && context.HandlerMethod?.MethodInfo.GetCustomAttribute<WhileClosedAttribute>() is null && pageType.GetCustomAttribute<WhileClosedAttribute>() is null)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status423Locked);
            return;
        }

        if (context.HandlerInstance is ChildPageBase page)
        {
            page.Authorised(access);
        }

        await next();
    }
}
