// Package storetest is the behaviour every sayso.Store must show, as one
// suite that each engine's tests run: storetest.Run(t, open).
package storetest
