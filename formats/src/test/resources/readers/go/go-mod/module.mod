module example.com/shop

go 1.21

toolchain go1.21.5

require github.com/gin-gonic/gin v1.9.1

require (
	golang.org/x/net v0.17.0 // indirect
	github.com/old/name v1.0.0
	example.com/local v0.0.0
	github.com/pkg/errors v0.9.1+incompatible
)

replace github.com/old/name => github.com/new/name v1.2.0

replace example.com/local => ../local

exclude golang.org/x/net v0.10.0
