module github.com/bondgenoot/bondgenoot

go 1.26.8
