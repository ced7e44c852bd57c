package dev.cwfilter.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every reader of Terraform JSON plans ({@code terraform show -json plan.out}) needs: the root module and the
 * managed resources of a type, at any depth of child modules, and the plain values of a resource.
 *
 * <p>Stateless and thread-safe.
 */
public final class Terraform {

    private Terraform() {
    }

    /**
     * The root module of a plan ({@code planned_values.root_module}) or of state output ({@code values.root_module}).
     *
     * @param name the file's name, for messages
     * @throws DocumentException if the text is not well-formed JSON or has no root module
     */
    public static Node.Mapping rootModule(String json, String name) {
        return rootModule(Documents.parse(json, name, false), name);
    }

    /**
     * The root module of a parsed plan or state output.
     *
     * @param name the file's name, for messages
     * @throws DocumentException if it has no root module
     */
    public static Node.Mapping rootModule(Node root, String name) {
        if (root instanceof Node.Mapping top) {
            for (String section : List.of("planned_values", "values")) {
                if (top.get(section) instanceof Node.Mapping values
                        && values.get("root_module") instanceof Node.Mapping m) {
                    return m;
                }
            }
        }
        throw new DocumentException(name, root.line(), "not a Terraform JSON plan: no"
                + " planned_values.root_module (write one with: terraform show -json plan.out > plan.json)", null);
    }

    /** The managed resources of this type (not data sources), root module first, then child modules depth-first. */
    public static List<Node.Mapping> resources(Node.Mapping module, String type) {
        List<Node.Mapping> out = new ArrayList<>();
        collect(module, type, out);
        return out;
    }

    private static void collect(Node.Mapping module, String type, List<Node.Mapping> out) {
        if (module.get("resources") instanceof Node.Sequence resources) {
            for (Node r : resources.items()) {
                if (r instanceof Node.Mapping resource && text(resource, "type").map(type::equals).orElse(false)
                        && !text(resource, "mode").map("data"::equals).orElse(false)) {
                    out.add(resource);
                }
            }
        }
        if (module.get("child_modules") instanceof Node.Sequence children) {
            for (Node child : children.items()) {
                if (child instanceof Node.Mapping m) {
                    collect(m, type, out);
                }
            }
        }
    }

    /** A resource's address ({@code module.monitoring.aws_x.y}), or {@code type.name} if the plan omits it. */
    public static String address(Node.Mapping resource, String type) {
        return text(resource, "address").orElse(type + "." + text(resource, "name").orElse("?"));
    }

    /** The text of a scalar member that is not null; empty if it is absent, null or not a scalar. */
    public static Optional<String> text(Node.Mapping m, String key) {
        return m.get(key) instanceof Node.Scalar s && s.type() != Node.ScalarType.NULL ? Optional.of(s.text())
                : Optional.empty();
    }
}
