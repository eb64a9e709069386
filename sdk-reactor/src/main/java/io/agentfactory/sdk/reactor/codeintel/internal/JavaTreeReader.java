package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.JavadocComment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithModifiers;
import com.github.javaparser.ast.stmt.BlockStmt;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;

/**
 * Reads the symbols of one parsed Java file in source order, by the rules of {@link JavaExtractor}:
 * a declaration's line is that of its first token after leading annotations, its signature the text
 * from there to its body or {@code ;} (line breaks joined), its documentation the Javadoc attributed
 * to it. The walk into member bodies (for local types) uses an explicit stack, not recursion.
 */
final class JavaTreeReader {

    private static final String LANGUAGE = "java";

    private final String filePath;
    private final SymbolCollector found = new SymbolCollector();

    JavaTreeReader(String filePath) {
        this.filePath = filePath;
    }

    FileSymbols read(CompilationUnit unit) {
        for (ImportDeclaration imported : unit.getImports()) {
            found.imported(imported.getNameAsString() + (imported.isAsterisk() ? ".*" : ""));
        }
        for (TypeDeclaration<?> type : unit.getTypes()) {
            type(type, "", false, false);
        }
        return found.result(filePath, LANGUAGE);
    }

    /** A type, then its members in source order; {@code local} when it (or an enclosing type) is declared in a body. */
    private void type(TypeDeclaration<?> type, String parent, boolean inInterface, boolean local) {
        SymbolKind kind = kind(type);
        String name = type.getNameAsString();
        found.declared(new Symbol(name, kind, filePath, startLine(type), endLine(type), typeSignature(type), doc(type),
                !local && exported(type, inInterface), parent, LANGUAGE));
        boolean membersInInterface = kind == SymbolKind.INTERFACE;
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                type(nested, name, membersInInterface, local);
                continue;
            }
            member(member, name, membersInInterface, local);
            localTypes(member, name);
        }
    }

    private void member(BodyDeclaration<?> member, String parent, boolean inInterface, boolean local) {
        if (member instanceof FieldDeclaration field) {
            List<VariableDeclarator> variables = field.getVariables();
            for (int i = 0; i < variables.size(); i++) {
                VariableDeclarator variable = variables.get(i);
                int line = i == 0 ? startLine(field) : beginLine(variable);
                found.declared(new Symbol(variable.getNameAsString(), SymbolKind.PROPERTY, filePath, line, 0, "", doc(field),
                        !local && exported(field, inInterface), parent, LANGUAGE));
            }
        } else if (member instanceof CallableDeclaration<?> || member instanceof CompactConstructorDeclaration
                || member instanceof AnnotationMemberDeclaration) {
            BlockStmt body = body(member);
            JavaToken stop = body != null ? first(body) : last(member); // the body's '{', or the closing ';'
            found.declared(new Symbol(memberName(member), SymbolKind.METHOD, filePath, startLine(member),
                    body != null ? endLine(body) : 0, signature(start(member), stop), doc(member),
                    !local && exported((NodeWithModifiers<?>) member, inInterface), parent, LANGUAGE));
        }
        // initializer blocks and enum constants declare nothing reported
    }

    /** The types declared anywhere inside a member (method bodies, lambdas, anonymous classes), walked iteratively. */
    private void localTypes(Node member, String enclosing) {
        Deque<Node> pending = new ArrayDeque<>();
        pushChildren(pending, member);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof TypeDeclaration<?> local) {
                type(local, enclosing, false, true);
            } else {
                pushChildren(pending, node);
            }
        }
    }

    private static void pushChildren(Deque<Node> pending, Node node) {
        List<Node> children = node.getChildNodes();
        for (int i = children.size() - 1; i >= 0; i--) {
            pending.push(children.get(i)); // the first child is popped first: source order
        }
    }

    private static SymbolKind kind(TypeDeclaration<?> type) {
        if (type instanceof EnumDeclaration) {
            return SymbolKind.ENUM;
        }
        if (type instanceof AnnotationDeclaration
                || type instanceof ClassOrInterfaceDeclaration declaration && declaration.isInterface()) {
            return SymbolKind.INTERFACE;
        }
        return SymbolKind.CLASS; // classes and records
    }

    private static String memberName(BodyDeclaration<?> member) {
        if (member instanceof CallableDeclaration<?> callable) {
            return callable.getNameAsString();
        }
        if (member instanceof CompactConstructorDeclaration compact) {
            return compact.getNameAsString();
        }
        return ((AnnotationMemberDeclaration) member).getNameAsString();
    }

    private static @Nullable BlockStmt body(BodyDeclaration<?> member) {
        if (member instanceof MethodDeclaration method) {
            return method.getBody().orElse(null);
        }
        if (member instanceof ConstructorDeclaration constructor) {
            return constructor.getBody();
        }
        if (member instanceof CompactConstructorDeclaration compact) {
            return compact.getBody();
        }
        return null;
    }

    /** {@code public}, or a member of an interface or annotation type that is not {@code private}. */
    private static boolean exported(NodeWithModifiers<?> declaration, boolean inInterface) {
        return declaration.hasModifier(Modifier.Keyword.PUBLIC) || inInterface && !declaration.hasModifier(Modifier.Keyword.PRIVATE);
    }

    private static String doc(Node node) {
        return node.getComment()
                .filter(JavadocComment.class::isInstance)
                .map(comment -> ("/**" + comment.getContent() + "*/").strip())
                .orElse("");
    }

    /** A type's header, up to the '{' of its body. */
    private static String typeSignature(TypeDeclaration<?> type) {
        JavaToken token = first(type.getName());
        int parens = 0;
        while (token != null) {
            String text = token.getText();
            if (text.equals("(")) {
                parens++;
            } else if (text.equals(")")) {
                parens--;
            } else if (text.equals("{") && parens == 0) {
                break;
            }
            token = token.getNextToken().orElse(null);
        }
        return signature(start(type), token);
    }

    /**
     * The text from {@code from} up to (not including) {@code stop}, comments left out; a line break
     * and the indentation after it become one space, or none after an opening or before a closing
     * bracket, a dot or a comma.
     */
    private static String signature(JavaToken from, @Nullable JavaToken stop) {
        StringBuilder text = new StringBuilder();
        boolean lineBreak = false;
        for (JavaToken token = from; token != null && token != stop; token = token.getNextToken().orElse(null)) {
            switch (token.getCategory()) {
                case EOL, COMMENT -> lineBreak = lineBreak || token.getCategory() == JavaToken.Category.EOL
                        || token.getText().startsWith("//");
                case WHITESPACE_NO_EOL -> {
                    if (!lineBreak) {
                        text.append(token.getText());
                    }
                }
                default -> {
                    if (lineBreak) {
                        trimEnd(text);
                        if (!text.isEmpty() && spaceBetween(text.charAt(text.length() - 1), token.getText())) {
                            text.append(' ');
                        }
                        lineBreak = false;
                    }
                    text.append(token.getText());
                }
            }
        }
        return text.toString().strip();
    }

    private static boolean spaceBetween(char before, String next) {
        return "([<.@".indexOf(before) < 0 && !(next.startsWith(")") || next.startsWith("]") || next.startsWith(".")
                || next.startsWith(",") || next.startsWith(">") || next.startsWith(";"));
    }

    private static void trimEnd(StringBuilder text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        text.setLength(end);
    }

    /** The first token of a declaration after its leading annotations (and the space and comments after them). */
    private static JavaToken start(BodyDeclaration<?> declaration) {
        JavaToken token = first(declaration);
        for (AnnotationExpr annotation : declaration.getAnnotations()) {
            if (first(annotation) != token) {
                break; // an annotation after a modifier stays in the signature
            }
            token = next(last(annotation));
            while (token != null && (token.getCategory() == JavaToken.Category.WHITESPACE_NO_EOL
                    || token.getCategory() == JavaToken.Category.EOL || token.getCategory() == JavaToken.Category.COMMENT)) {
                token = next(token);
            }
        }
        return token == null ? first(declaration) : token;
    }

    private static @Nullable JavaToken next(JavaToken token) {
        return token.getNextToken().orElse(null);
    }

    private static JavaToken first(Node node) {
        return node.getTokenRange().orElseThrow().getBegin();
    }

    private static JavaToken last(Node node) {
        return node.getTokenRange().orElseThrow().getEnd();
    }

    private static int startLine(BodyDeclaration<?> declaration) {
        JavaToken token = start(declaration);
        return token.getRange().orElseThrow().begin.line;
    }

    private static int beginLine(Node node) {
        return node.getBegin().orElseThrow().line;
    }

    private static int endLine(Node node) {
        return node.getEnd().orElseThrow().line;
    }
}
