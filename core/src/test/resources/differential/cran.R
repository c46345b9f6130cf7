# Answers V/C lines (see README.md) with R's package_version.
con <- file("stdin")
lines <- readLines(con)
close(con)
cache <- new.env()
parse <- function(v) {
  if (is.na(v)) return(NULL)
  if (!exists(v, envir = cache, inherits = FALSE)) {
    pv <- tryCatch(suppressWarnings(package_version(v)), error = function(e) NULL)
    if (!is.null(pv) && any(is.na(unlist(pv)))) pv <- NULL
    assign(v, pv, envir = cache)
  }
  get(v, envir = cache, inherits = FALSE)
}
out <- character(length(lines))
for (i in seq_along(lines)) {
  f <- strsplit(lines[i], "\t", fixed = TRUE)[[1]]
  if (f[1] == "V") {
    out[i] <- if (is.null(parse(f[2]))) "invalid" else "valid"
  } else {
    a <- parse(f[2])
    b <- parse(f[3])
    out[i] <- if (is.null(a) || is.null(b)) "invalid" else if (a < b) "-1" else if (a > b) "1" else "0"
  }
}
writeLines(out)
